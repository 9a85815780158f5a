/*
 * Orders platform: production cluster.
 * Owned by team-orders; changes go through CAB.
 */
resource "azurerm_kubernetes_cluster" "orders" {
  name                = "aks-orders-prod-weu"
  location            = "West Europe"
  resource_group_name = "rg-orders-prod"
  dns_prefix          = "orders-prod"
  sku_tier            = "Standard"

  default_node_pool {
    name    = "system"
    vm_size = "Standard_D8s_v5"
    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }

  network_profile {
    network_plugin    = "kubenet"  // set at creation in 2021
    network_policy    = "calico"
    pod_cidr          = "10.244.0.0/16"
    service_cidr      = "10.0.0.0/16"
    dns_service_ip    = "10.0.0.10"
    outbound_type     = "userDefinedRouting"
  }

  lifecycle {
    ignore_changes = [default_node_pool[0].node_count]
  }
}

# A second cluster in the same root module that is not the one planned.
resource "azurerm_kubernetes_cluster" "orders_dr" {
  name                = "aks-orders-dr-neu"
  location            = "northeurope"
  resource_group_name = "rg-orders-dr"
  dns_prefix          = "orders-dr"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D8s_v5"
    node_count = 3
  }

  network_profile {
    network_plugin = "kubenet"
  }
}

variable "identity_id" {
  type = string
}
