cluster_name        = "aks-search-stg-eus2"
resource_group_name = "rg-search-stg"
network_plugin      = "kubenet"
