// Azure resources for Action Plan Tracker (Microsoft 365 Agents Toolkit's arm/deploy runs it; the README says
// how to run it by hand with `az deployment group create`):
// - a storage account whose static website serves the tab over HTTPS (https://<account>.z33.web.core.windows.net/tab/)
// - the daily reminder job: a Function App on the Windows Consumption plan (WEBSITE_TIME_ZONE is honoured
//   there, not on Linux Consumption), Node 20, with a system-assigned managed identity
// - a Key Vault (RBAC) holding the app's certificate (PEM) and the reminder service account's sign-in; the
//   Function App reads the certificate through a Key Vault reference and reads and writes the sign-in
// - Application Insights, where a failed run (a delivery failed, the sender must sign in again) shows
@description('A short suffix making the resource names unique, e.g. the council\'s initials.')
@minLength(2)
@maxLength(10)
param resourceSuffix string

param location string = resourceGroup().location

@description('The SharePoint site holding the plan, e.g. https://northbridge.sharepoint.com/sites/improvement')
param sharePointSiteUrl string

@description('The Entra app\'s Application (client) ID.')
param clientId string

@description('The Entra tenant id.')
param tenantId string = subscription().tenantId

@description('The Teams app\'s manifest id.')
param teamsAppId string

@allowed(['chat', 'activity'])
param reminderChannel string = 'chat'

@description('The reminder service account (chat only).')
param reminderSenderUpn string = ''

@description('Who gets escalations for SROs with no manager, and the "sign in again" alert (optional).')
param coordinatorUpn string = ''

@description('The Key Vault certificate (content type PEM) the app signs in with.')
param certificateName string = 'actionplan-app'

@description('The Key Vault secret holding the reminder service account\'s MSAL token cache.')
param senderCacheSecretName string = 'actionplan-sender-cache'

var base = toLower('actionplan${resourceSuffix}')
// Key Vault Secrets Officer: read the certificate's secret, read and write the sender's sign-in.
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('st${base}', 24)
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('kv-${base}', 24)
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${base}'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${base}'
  location: location
  kind: 'functionapp'
  sku: { name: 'Y1', tier: 'Dynamic' }
  properties: {}
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource functions 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-${base}'
  location: location
  kind: 'functionapp'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING', value: storageConnection }
        { name: 'WEBSITE_CONTENTSHARE', value: toLower('func-${base}') }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'node' }
        { name: 'WEBSITE_NODE_DEFAULT_VERSION', value: '~20' }
        { name: 'WEBSITE_TIME_ZONE', value: 'GMT Standard Time' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ACTIONPLAN_SITE_URL', value: sharePointSiteUrl }
        { name: 'ACTIONPLAN_TENANT_ID', value: tenantId }
        { name: 'ACTIONPLAN_CLIENT_ID', value: clientId }
        { name: 'ACTIONPLAN_TEAMS_APP_ID', value: teamsAppId }
        { name: 'ACTIONPLAN_UPDATE_FORM_URL', value: '${tabEndpoint}/tab/?view=update' }
        { name: 'ACTIONPLAN_CHANNEL', value: reminderChannel }
        { name: 'ACTIONPLAN_CERT_PEM', value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${certificateName})' }
        { name: 'ACTIONPLAN_KEY_VAULT_URL', value: vault.properties.vaultUri }
        { name: 'ACTIONPLAN_SENDER_UPN', value: reminderSenderUpn }
        { name: 'ACTIONPLAN_SENDER_CACHE_SECRET', value: senderCacheSecretName }
        { name: 'ACTIONPLAN_COORDINATOR', value: coordinatorUpn }
      ]
    }
  }
}

resource functionsReadVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, functions.id, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsOfficer)
    principalId: functions.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The static website's address, without the trailing slash.
var tabEndpoint = substring(storage.properties.primaryEndpoints.web, 0, length(storage.properties.primaryEndpoints.web) - 1)

output TAB_AZURE_STORAGE_RESOURCE_ID string = storage.id
output TAB_ENDPOINT string = tabEndpoint
output TAB_DOMAIN string = replace(replace(tabEndpoint, 'https://', ''), '/', '')
output FUNCTION_APP_RESOURCE_ID string = functions.id
output KEY_VAULT_NAME string = vault.name
output KEY_VAULT_URL string = vault.properties.vaultUri
