terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.106.1, < 4.0"
    }
  }
}

module "aks" {
  source  = "Azure/aks/azurerm"
  version = "~> 9.4"

  prefix              = "billing"
  resource_group_name = "rg-billing"
  location            = "westeurope"

  network_plugin       = "kubenet"
  network_policy       = "calico"
  net_profile_pod_cidr = "10.244.0.0/16"

  agents_count = 3
  agents_size  = "Standard_D4s_v5"
}
