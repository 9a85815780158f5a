resource "azurerm_kubernetes_cluster" "x" {
  name = "aks-orders-prod-weu"

  network_profile {
    network_plugin = "kubenet"
  
}
