/** 开放平台 (the `openplatform` section of the console's zh-CN messages). */
const openplatform = {
  menu: {
    root: '开放平台',
    clients: '接入应用',
  },
  scopes: {
    'events:read': '读取事件',
    'events:write': '上报事件',
    'basedata:read': '读取基础数据',
    open311: 'Open311 市民诉求',
    hotline: '12345热线工单',
  },
  client: {
    name: '应用名称',
    unit: '所属单位',
    clientId: '客户端 ID',
    scopes: '权限范围',
    region: '数据范围',
    rateLimit: '频率限制',
    rateLimitUnit: '次/分钟',
    allowedIps: '允许的 IP',
    allowedIpsHint: '每行一个 IP 地址或 CIDR 地址段（如 10.1.0.0/16）；留空表示不限',
    anyIp: '不限',
    status: '状态',
    createdAt: '创建时间',
    secretRotatedAt: '密钥更新时间',
    create: '新建接入应用',
    edit: '编辑接入应用',
    search: '搜索应用名称、单位或客户端 ID',
    rotateSecret: '重置密钥',
    rotateConfirm: '重置「{name}」的客户端密钥？旧密钥将立即失效。',
    disable: '停用',
    disableConfirm: '停用「{name}」？该应用将无法获取令牌，已发放的令牌立即失效。',
    enable: '启用',
    disabled: '已停用',
    enabled: '已启用',
  },
  secret: {
    title: '客户端密钥',
    subject: '「{name}」的客户端凭据如下：',
    hint: '密钥只显示这一次，服务器只保存其哈希值。请立即复制并妥善交给对方系统；遗失后只能重置。',
    clientId: '客户端 ID',
    clientSecret: '客户端密钥',
    tokenHint: '获取令牌：POST /oauth2/token，HTTP Basic 认证，grant_type=client_credentials',
  },
  keys: {
    rotate: '轮换签名密钥',
    rotateConfirm: '生成新的令牌签名密钥？旧密钥在其令牌过期前仍可验证。',
    rotated: '已启用新的签名密钥 {kid}',
  },
};

export default openplatform;
