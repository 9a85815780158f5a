// API gateway cluster (synthetic example).
@description('Name of the AKS cluster.')
param clusterName string

param location string = resourceGroup().location

@allowed([
  'kubenet'
  'azure'
])
param networkPlugin string = 'kubenet'

param podCidr string = '10.244.0.0/16'

resource aks 'Microsoft.ContainerService/managedClusters@2025-05-01' = {
  name: clusterName
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: clusterName
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        vmSize: 'Standard_D4s_v5'
      }
    ]
    networkProfile: {
      networkPlugin: networkPlugin // kubenet until the migration
      podCidr: podCidr
      serviceCidr: '10.0.0.0/16'
      dnsServiceIP: '10.0.0.10'
    }
  }
}

output clusterId string = aks.id
