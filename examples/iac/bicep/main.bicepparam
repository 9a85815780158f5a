using './main.bicep'

param clusterName = 'aks-api-gateway-sea'
param location = 'southeastasia'
