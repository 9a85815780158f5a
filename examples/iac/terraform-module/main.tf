terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 4.66.0, < 5.0"
    }
  }
}

# Azure/aks/azurerm registry module: its inputs are network_plugin, network_plugin_mode, net_profile_pod_cidr,
# network_policy and ebpf_data_plane.
module "aks" {
  source  = "Azure/aks/azurerm"
  version = "11.5.0"

  resource_group_name = "rg-catalog"
  location            = "northeurope"
  cluster_name        = "aks-catalog-neu"
  prefix              = "catalog"

  network_plugin       = "kubenet"
  net_profile_pod_cidr = "10.244.0.0/16"

  rbac_aad = false
}
