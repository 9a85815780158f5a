# terraform apply -var-file=prod.tfvars
cluster_name        = "aks-retail-prod-eus2"
resource_group_name = "rg-retail-prod"
