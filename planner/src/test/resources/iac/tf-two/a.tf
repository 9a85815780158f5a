resource "azurerm_kubernetes_cluster" "blue" {
  name       = "aks-orders-prod-weu"
  dns_prefix = "blue"
  network_profile {
    network_plugin = "kubenet"
  }
}
