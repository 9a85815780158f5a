using 'main.bicep'

param clusterName = 'aks-ingest-dev-sea'
