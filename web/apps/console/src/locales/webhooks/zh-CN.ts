/** 开放平台 webhooks and their delivery log (the `webhooks` section of the console's zh-CN messages). */
const webhooks = {
  menu: {
    deliveries: '推送日志',
  },
  types: {
    event_reported: '事件上报',
    event_status_changed: '事件状态变更',
    event_closed: '事件结案',
    alert_raised: '预警产生',
    record_approved: '采集记录审核通过',
    hotline_replied: '12345工单答复',
  },
  statuses: {
    PENDING: '待推送',
    DELIVERED: '已送达',
    DEAD: '已放弃',
  },
  webhook: {
    menu: '推送',
    title: '「{name}」的事件推送（Webhook）',
    scopeHint: '只推送数据范围「{region}」内的变化；每次推送均以密钥签名（X-GovGrid-Signature）',
    add: '新增推送地址',
    edit: '编辑推送地址',
    none: '尚未配置推送地址',
    url: '推送地址',
    eventTypes: '订阅事件',
    status: '状态',
    enabled: '启用',
    disabled: '停用',
    enable: '启用',
    disable: '停用',
    log: '日志',
    deleteConfirm: '删除推送地址 {url}？其推送日志一并删除。',
  },
  secret: {
    title: '签名密钥',
    subject: '推送到 {url} 的签名密钥：',
    hint: '密钥只显示这一次。请立即复制并交给接收方，用于验证 X-GovGrid-Signature；遗失后请删除并重新添加。',
    verifyHint:
      '验签：HMAC-SHA256(密钥, t + "." + 请求体) 的十六进制与签名头中 v1 一致，且 t 在 5 分钟内。',
    createdAt: '创建时间 {at}',
  },
  delivery: {
    id: '编号',
    client: '接入应用',
    type: '事件类型',
    status: '状态',
    attempts: '次数',
    lastAnswer: '最近结果',
    occurredAt: '发生时间',
    next: '下次重试',
    replay: '重新推送',
    replayed: '已重新排入推送队列',
    notYet: '尚未推送',
    noAttempts: '尚未推送',
    webhookFilter: '推送地址 #{id}',
  },
  attempt: {
    number: '第几次',
    startedAt: '推送时间',
    duration: '耗时',
    answer: '响应 / 错误',
    next: '下次重试',
  },
};

export default webhooks;
