resource "azurerm_kubernetes_cluster" "green" {
  name       = "aks-orders-prod-weu"
  dns_prefix = "green"
  network_profile {
    network_plugin = "kubenet"
  }
}
