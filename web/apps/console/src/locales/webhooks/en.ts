/** Open platform webhooks and their delivery log (the `webhooks` section of the console's English messages). */
const webhooks = {
  menu: {
    deliveries: 'Delivery log',
  },
  types: {
    event_reported: 'Event reported',
    event_status_changed: 'Event status changed',
    event_closed: 'Event closed',
    alert_raised: 'Alert raised',
    record_approved: 'Record approved',
    hotline_replied: '12345 order replied',
  },
  statuses: {
    PENDING: 'Pending',
    DELIVERED: 'Delivered',
    DEAD: 'Dead',
  },
  webhook: {
    menu: 'Webhooks',
    title: 'Webhooks of “{name}”',
    scopeHint:
      'Only changes inside “{region}” are sent; every delivery is signed (X-GovGrid-Signature)',
    add: 'Add webhook',
    edit: 'Edit webhook',
    none: 'No webhooks yet',
    url: 'URL',
    eventTypes: 'Event types',
    status: 'Status',
    enabled: 'Enabled',
    disabled: 'Disabled',
    enable: 'Enable',
    disable: 'Disable',
    log: 'Log',
    deleteConfirm: 'Delete the webhook {url}? Its delivery log goes with it.',
  },
  secret: {
    title: 'Signing secret',
    subject: 'The signing secret of the webhook {url}:',
    hint: 'The secret is shown only this once. Copy it now and give it to the receiver to verify X-GovGrid-Signature; if lost, delete the webhook and add it again.',
    verifyHint:
      'To verify: hex HMAC-SHA256(secret, t + "." + body) equals v1 of the header, and t is within 5 minutes.',
    createdAt: 'Created {at}',
  },
  delivery: {
    id: 'No.',
    client: 'API client',
    type: 'Event type',
    status: 'Status',
    attempts: 'Tries',
    lastAnswer: 'Last result',
    occurredAt: 'Occurred',
    next: 'Next retry',
    replay: 'Replay',
    replayed: 'Queued again',
    notYet: 'Not sent yet',
    noAttempts: 'Not sent yet',
    webhookFilter: 'Webhook #{id}',
  },
  attempt: {
    number: 'Try',
    startedAt: 'Sent at',
    duration: 'Duration',
    answer: 'Answer / error',
    next: 'Next retry',
  },
};

export default webhooks;
