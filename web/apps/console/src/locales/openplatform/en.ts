/** Open platform (the `openplatform` section of the console's English messages). */
const openplatform = {
  menu: {
    root: 'Open platform',
    clients: 'API clients',
  },
  scopes: {
    'events:read': 'Read events',
    'events:write': 'Report events',
    'basedata:read': 'Read base data',
    open311: 'Open311 requests',
    hotline: '12345 hotline orders',
    openid: 'Identity',
    profile: 'Name, roles and region',
  },
  client: {
    name: 'Name',
    unit: 'Owning unit',
    clientId: 'Client ID',
    scopes: 'Scopes',
    region: 'Data scope',
    rateLimit: 'Rate limit',
    rateLimitUnit: 'calls/min',
    allowedIps: 'Allowed IPs',
    allowedIpsHint: 'One IP address or CIDR range per line (e.g. 10.1.0.0/16); empty: any address',
    anyIp: 'Any',
    status: 'Status',
    createdAt: 'Created',
    secretRotatedAt: 'Secret changed',
    create: 'New API client',
    edit: 'Edit API client',
    search: 'Search name, unit or client ID',
    rotateSecret: 'Reset secret',
    rotateConfirm: 'Reset the client secret of "{name}"? The old secret stops working at once.',
    disable: 'Disable',
    disableConfirm:
      'Disable "{name}"? It will get no tokens, and the tokens it holds stop working at once.',
    enable: 'Enable',
    disabled: 'Disabled',
    enabled: 'Enabled',
  },
  secret: {
    title: 'Client secret',
    subject: 'The credentials of "{name}":',
    hint: 'The secret is shown only this once; the server keeps only its hash. Copy it now and hand it to the other system safely; if lost, reset it.',
    clientId: 'Client ID',
    clientSecret: 'Client secret',
    tokenHint: 'Get a token: POST /oauth2/token with HTTP Basic, grant_type=client_credentials',
  },
  sso: {
    tag: 'SSO',
    grantTypes: 'Grant types',
    grants: {
      client_credentials: 'System calls (client credentials)',
      authorization_code: 'Single sign-on (code + PKCE)',
    },
    redirectUris: 'Redirect URIs',
    redirectUrisHint: 'One a line, matched exactly; https only (http://localhost allowed)',
    postLogoutRedirectUris: 'After sign-out',
    postLogoutHint: 'Where users may return after signing out, one a line (optional)',
    options: 'Sign-in options',
    requireConsent: 'Users must consent',
    publicClient: 'Public client (no secret, PKCE required)',
  },
  keys: {
    rotate: 'Rotate signing key',
    rotateConfirm:
      'Make a new token signing key? The old key still verifies its tokens until they expire.',
    rotated: 'New signing key {kid} in use',
  },
};

export default openplatform;
