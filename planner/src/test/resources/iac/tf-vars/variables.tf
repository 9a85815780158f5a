variable "cluster_name" {
  type = string
}

variable "resource_group_name" {
  type = string
}

variable "network_plugin" {
  type    = string
  default = "kubenet" # every environment starts on kubenet
}

variable "enable_policy" {
  type    = bool
  default = true
}
