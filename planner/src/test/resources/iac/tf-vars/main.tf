locals {
  policy = var.enable_policy ? "azure" : null
}

resource "azurerm_kubernetes_cluster" "this" {
  name                = var.cluster_name
  location            = "eastus2"
  resource_group_name = var.resource_group_name
  dns_prefix          = "${var.cluster_name}-dns"

  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 2
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = var.network_plugin
    network_policy = local.policy
    pod_cidr       = "10.244.0.0/16"
  }
}
