module "cluster" {
  source  = "Azure/avm-res-containerservice-managedcluster/azurerm"
  version = "0.8.1"

  name      = "aks-events-prod-sea"
  location  = "southeastasia"
  parent_id = "/subscriptions/00000000-0000-0000-0000-00000000a003/resourceGroups/rg-events-prod"

  network_profile = {
    network_plugin = "kubenet"
    pod_cidr       = "10.244.0.0/16"
    service_cidr   = "10.0.0.0/16"
    dns_service_ip = "10.0.0.10"
  }
}
