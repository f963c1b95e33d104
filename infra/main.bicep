// Azure resources for Action Plan Tracker (Microsoft 365 Agents Toolkit's arm/deploy runs it; the README says
// how to run it by hand with `az deployment group create`, which brings its own Bicep):
// - a storage account whose static website serves the tab over HTTPS (https://<account>.z33.web.core.windows.net/tab/);
//   it also holds the Function App's package and its host's state
// - the daily reminder job: a Function App on the Flex Consumption plan (Linux), Node.js from runtime.json,
//   with a system-assigned managed identity
// - a Key Vault (RBAC) holding the app's certificate (PEM) and the reminder service account's sign-in; the
//   Function App reads the certificate through a Key Vault reference and reads and writes the sign-in
// - Application Insights on a Log Analytics workspace, where a failed run (a delivery failed, the sender must
//   sign in again) shows, and two alert rules that e-mail alertEmail: the daily run failed or did not run on
//   a working day, and the app's certificate ends within 30 days

@description('A short name for the council: 2 to 12 letters, digits or hyphens, e.g. north-bridge. With a hash of the resource group it makes each resource\'s name unique to this council and deployment.')
@minLength(2)
@maxLength(12)
param councilPrefix string

param location string = resourceGroup().location

@description('The Microsoft 365 tenant\'s ID (Entra ID), where the app registration and the SharePoint site are: Entra admin centre → Overview → Tenant ID. Where Azure is in a tenant of its own, this is not the subscription\'s.')
@minLength(1)
param tenantId string

@description('The SharePoint site holding the plan, e.g. https://northbridge.sharepoint.com/sites/improvement')
param sharePointSiteUrl string

@description('The Entra app\'s Application (client) ID.')
param clientId string

@description('The Teams app\'s manifest id.')
param teamsAppId string

@description('The Teams app\'s id in the organisation\'s catalog, not its manifest id: Teams admin centre → Teams apps → Manage apps → the app → App ID (`actionplan teams-app publish` prints it; the toolkit\'s publish writes it as TEAMS_APP_PUBLISHED_APP_ID). Card buttons and notifications open the app by it. Known only once the app is published; until it is given, the daily job stops on each run naming ACTIONPLAN_TEAMS_CATALOG_ID.')
param teamsCatalogAppId string = ''

@allowed(['chat', 'activity'])
param reminderChannel string = 'chat'

@description('The reminder service account (chat only).')
param reminderSenderUpn string = ''

@description('Who gets escalations for SROs with no manager, and the "sign in again" alert (optional).')
param coordinatorUpn string = ''

@description('The mailbox Azure Monitor e-mails when the daily run fails or does not run on a working day, and before the app\'s certificate ends: IT\'s or the coordinators\' shared mailbox. Defaults to the coordinator.')
@minLength(3)
param alertEmail string = coordinatorUpn

@description('How many days the Log Analytics workspace keeps the daily job\'s telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('The Key Vault certificate (content type PEM) the app signs in with.')
param certificateName string = 'actionplan-app'

@description('The Key Vault secret holding the reminder service account\'s MSAL token cache.')
param senderCacheSecretName string = 'actionplan-sender-cache'

@description('The Entra object id of the person deploying (az ad signed-in-user show --query id): given, they get Key Vault Certificates Officer and Secrets Officer on the vault and Storage Blob Data Contributor on the storage account, so the later steps (certificate, sender sign-in, tab upload) need no role added by hand. Empty: none.')
param deployerObjectId string = ''

// The Node.js version production runs: one file the bundle build (src/build/production-runtime.ts) and the
// deploy-files test read too. Development machines run Node 20; Azure runs this newer LTS.
var productionRuntime = loadJsonContent('runtime.json')

// Resource names: the council's prefix and uniqueString(resourceGroup().id, prefix), 13 lowercase letters and
// digits, the same on every redeployment to this group and different in every other, so two councils (or two
// deployments) never collide on a global name. Storage accounts take 3-24 lowercase letters and digits, and
// vaults 3-24 letters, digits and single hyphens starting with a letter: both use the prefix without its
// hyphens, at most 9 characters of it. tests/integration/deploy-files.test.ts works these out for sample prefixes.
var prefix = toLower(councilPrefix)
var compactPrefix = replace(prefix, '-', '')
var token = uniqueString(resourceGroup().id, prefix)
var storageAccountName = 'st${take(compactPrefix, 9)}${token}'
var keyVaultName = 'kv${take(compactPrefix, 9)}${token}'
var functionAppName = 'func-${prefix}-${token}'
var planName = 'plan-${prefix}-${token}'
var workspaceName = 'log-${prefix}-${token}'
var insightsName = 'appi-${prefix}-${token}'
var actionGroupName = 'ag-${prefix}-${token}'
var packageContainerName = 'function-app-package'

// Key Vault Secrets Officer: read the certificate's secret, read and write the sender's sign-in.
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
// Storage Blob Data Owner: the Function App's package container and its host's blobs (the timer's leases).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
// For the person deploying (https://learn.microsoft.com/azure/key-vault/general/rbac-guide,
// https://learn.microsoft.com/azure/role-based-access-control/built-in-roles): Key Vault Certificates Officer
// creates the app's certificate, Secrets Officer saves the sender's sign-in, Storage Blob Data Contributor
// uploads the tab to the static website ($web).
var keyVaultCertificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var deployerVaultRoles = [
  keyVaultCertificatesOfficer
  keyVaultSecretsOfficer
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: packageContainerName
}

// The vault trusts the Azure subscription's own directory, not the Microsoft 365 tenant: Key Vault is tied to
// the tenant of the subscription it is created in, and the Function App's managed identity and IT's accounts
// sign in there (https://learn.microsoft.com/azure/key-vault/general/move-subscription). The app's own tenant,
// where SharePoint and the app registration are, is the tenantId parameter.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
  }
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

// Workspace-based: support for classic Application Insights ended on 29 February 2024, and regions added since
// February 2021 refuse to create it (https://learn.microsoft.com/azure/azure-monitor/app/create-new-resource).
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

// The Flex Consumption plan: Microsoft calls the (Windows or Linux) Consumption plan legacy and recommends Flex
// Consumption for new serverless function apps; Linux Consumption retires on 30 September 2028 and gets no
// language version after Node.js 22 (https://learn.microsoft.com/azure/azure-functions/consumption-plan).
// Flex Consumption is Linux, where WEBSITE_TIME_ZONE is not supported
// (https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#ncrontab-time-zones), so the timer
// keeps UTC and the job runs the firing that is 08:30 in London (src/functions/schedule.ts). Flex sets the
// runtime in functionAppConfig: FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_NODE_DEFAULT_VERSION, WEBSITE_CONTENT* and linuxFxVersion are not used on it
// (https://learn.microsoft.com/azure/azure-functions/functions-app-settings#flex-consumption-plan-deprecations).
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource functions 'Microsoft.Web/sites@2023-12-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  dependsOn: [packageContainer]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${packageContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      // One run a day: the plan's smallest ceiling.
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      runtime: { name: 'node', version: productionRuntime.node }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        // The host's storage through the managed identity (Storage Blob Data Owner below): no account key.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ACTIONPLAN_SITE_URL', value: sharePointSiteUrl }
        { name: 'ACTIONPLAN_TENANT_ID', value: tenantId }
        { name: 'ACTIONPLAN_CLIENT_ID', value: clientId }
        { name: 'ACTIONPLAN_TEAMS_APP_ID', value: teamsAppId }
        { name: 'ACTIONPLAN_TEAMS_CATALOG_ID', value: teamsCatalogAppId }
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

resource functionsUseStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, functions.id, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: functions.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource deployerOnVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in deployerVaultRoles: if (!empty(deployerObjectId)) {
    name: guid(vault.id, deployerObjectId, role)
    scope: vault
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: deployerObjectId
      principalType: 'User'
    }
  }
]

resource deployerOnStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerObjectId)) {
  name: guid(storage.id, deployerObjectId, storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: deployerObjectId
    principalType: 'User'
  }
}

resource alertMailbox 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  properties: {
    groupShortName: 'ActionPlan'
    enabled: true
    emailReceivers: [
      { name: 'Action Plan Tracker alerts', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

// Both rules read the workspace's Application Insights tables for this component. Evaluated hourly over the
// last day, they are stateless and their e-mail is muted for a day after it is sent: one e-mail a day while a
// problem lasts. The queries are checked when the rule first runs, not at deployment: a new workspace has no
// AppRequests or AppTraces table until the job's first telemetry arrives.
var alertQueryComponent = '{appInsightsId}'

resource dailyRunAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${prefix}-daily-reminder-run'
  location: location
  kind: 'LogAlert'
  properties: {
    displayName: 'Action Plan Tracker: the daily reminder run failed or did not run'
    description: 'On a working day the dailyReminders function failed, or no run had finished by 10:00 London time. Open the Function App\'s Application Insights (Failures, or Logs: AppTraces and AppExceptions) for the reason.'
    severity: 1
    enabled: true
    scopes: [workspace.id]
    evaluationFrequency: 'PT1H'
    windowSize: 'P1D'
    skipQueryValidation: true
    autoMitigate: false
    muteActionsDuration: 'P1D'
    criteria: {
      allOf: [
        {
          query: replace(loadTextContent('alerts/daily-run.kql'), alertQueryComponent, insights.id)
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [alertMailbox.id] }
  }
}

// The certificate itself is created in Key Vault by the README's step 4 (a data-plane call Bicep cannot make),
// so Bicep cannot give it a lifetime action; the daily job reads the end date of the certificate it signs in
// with and writes a notice from 30 days before it (src/functions/certificate.ts), which this rule e-mails.
resource certificateAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: '${prefix}-certificate-expiry'
  location: location
  kind: 'LogAlert'
  properties: {
    displayName: 'Action Plan Tracker: the app\'s certificate ends within 30 days'
    description: 'Renew the certificate in Key Vault, upload the new .cer to the Entra app (Certificates & secrets), then restart the Function App; until then the daily job cannot sign in once it has ended.'
    severity: 2
    enabled: true
    scopes: [workspace.id]
    evaluationFrequency: 'PT1H'
    windowSize: 'P1D'
    skipQueryValidation: true
    autoMitigate: false
    muteActionsDuration: 'P1D'
    criteria: {
      allOf: [
        {
          query: replace(loadTextContent('alerts/certificate-expiry.kql'), alertQueryComponent, insights.id)
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [alertMailbox.id] }
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
