variable "cluster_name" {
  type        = string
  description = "Name of the AKS cluster."
}

variable "resource_group_name" {
  type = string
}

variable "location" {
  type    = string
  default = "eastus2"
}

variable "network_plugin" {
  type        = string
  description = "kubenet or azure."
  default     = "kubenet"
}

variable "network_plugin_mode" {
  type    = string
  default = null
}

variable "pod_cidr" {
  type    = string
  default = "10.244.0.0/16"
}
