// open311 requires this XML helper at load time; it is only called for format "xml", which the check does not use.
exports.parseXml = function () {
  throw new Error('sparkxml is not installed here: use the client with format json');
};
