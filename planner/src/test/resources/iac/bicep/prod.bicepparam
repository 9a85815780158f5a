using 'main.bicep'

param clusterName = 'aks-ingest-prod-sea'
param networkPlugin = 'kubenet'
