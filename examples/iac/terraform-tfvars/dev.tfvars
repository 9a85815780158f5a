# terraform apply -var-file=dev.tfvars
cluster_name        = "aks-reporting-dev-eus2"
resource_group_name = "rg-reporting-dev"
