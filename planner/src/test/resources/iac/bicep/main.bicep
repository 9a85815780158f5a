metadata description = 'Ingest cluster, one deployment per environment'

@minLength(3)
param clusterName string
param location string = resourceGroup().location
param networkPlugin string = 'kubenet'
param podCidr string = '10.244.0.0/16'

var tags = {
  service: 'ingest'
  name: '${clusterName}-tags'
}

resource aks 'Microsoft.ContainerService/managedClusters@2025-05-01' = {
  name: clusterName
  location: location
  tags: tags
  sku: { name: 'Base', tier: 'Standard' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    dnsPrefix: '${clusterName}-dns'
    /* the network: kubenet until the migration */
    networkProfile: {
      networkPlugin: networkPlugin
      networkPolicy: 'calico'
      podCidr: podCidr
      serviceCidr: '10.0.0.0/16'
      dnsServiceIP: '10.0.0.10'
    }
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-${clusterName}'
}
