# Payments staging cluster (synthetic example: nothing here exists in Azure).
resource "azurerm_resource_group" "payments_stg" {
  name     = "rg-payments-stg"
  location = "West Europe"
}

resource "azurerm_kubernetes_cluster" "payments_stg" {
  name                = "aks-payments-stg-weu"
  location            = azurerm_resource_group.payments_stg.location
  resource_group_name = azurerm_resource_group.payments_stg.name
  dns_prefix          = "payments-stg"
  kubernetes_version  = "1.31"

  default_node_pool {
    name                 = "system"
    vm_size              = "Standard_D4s_v5"
    auto_scaling_enabled = true
    min_count            = 3
    max_count            = 6
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.aks.id]
  }

  network_profile {
    network_plugin    = "kubenet" # kubenet retires on 31 March 2028
    network_policy    = "calico"
    pod_cidr          = "10.244.0.0/16"
    service_cidr      = "10.0.0.0/16"
    dns_service_ip    = "10.0.0.10"
    load_balancer_sku = "standard"
  }

  tags = {
    env  = "staging"
    team = "payments"
  }
}

resource "azurerm_user_assigned_identity" "aks" {
  name                = "id-aks-payments-stg"
  location            = azurerm_resource_group.payments_stg.location
  resource_group_name = azurerm_resource_group.payments_stg.name
}
