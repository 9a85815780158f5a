cluster_name        = "aks-search-prod-eus2"
resource_group_name = "rg-search-prod"
