// Drives a GovGrid Open311 endpoint with Code for America's open311 client library (npm "open311").
// Usage: node check.js submit <discovery url> <api_key> <api_secret> <service_code> <lat> <long> <description>
//        node check.js read <endpoint> <service_request_id>
// Prints one JSON object on stdout; exits non-zero with the library's error on stderr.
'use strict';
var Open311 = require('open311');

function fail(step, err, body) {
  process.stderr.write(step + ' failed: ' + JSON.stringify(err) + ' ' + (body || '') + '\n');
  process.exit(1);
}

var args = process.argv.slice(2);
var mode = args[0];

if (mode === 'submit') {
  // the endpoint is found through the spec's service discovery document
  var city = new Open311({ discovery: args[1], format: 'json', jurisdiction: 'govgrid.test', apiKey: args[2] });
  city.serviceDiscovery({ cache: true }, function (err0, discovery) {
    if (err0) { fail('serviceDiscovery', err0, discovery); }
    submit(city, discovery);
  });
} else if (mode === 'read') {
  var reader = new Open311({ endpoint: args[1].replace(/\/?$/, '/'), format: 'json' });
  reader.serviceRequest(args[2], function (err, read) {
    if (err) { fail('serviceRequest', err, read); }
    process.stdout.write(JSON.stringify({ read: read }) + '\n');
  });
} else {
  fail('usage', 'submit or read');
}

function submit(city, discovery) {
  city.serviceList(function (err, services) {
    if (err) { fail('serviceList', err, services); }
    var wanted = services.filter(function (s) { return s.service_code === args[4]; })[0];
    if (!wanted) { fail('serviceList', 'no service ' + args[4], JSON.stringify(services.slice(0, 3))); }
    city.serviceDefinition(args[4], function (err2, definition) {
      if (err2) { fail('serviceDefinition', err2, definition); }
      city.submitRequest({
        api_secret: args[3], service_code: args[4], lat: args[5], long: args[6], description: args[7],
        first_name: '明', last_name: '李', media_url: 'https://photos.example.cn/open311/scene.jpg'
      }, function (err3, created) {
        if (err3) { fail('submitRequest', err3, created); }
        var id = created[0].service_request_id;
        city.serviceRequest(id, function (err4, read) {
          if (err4) { fail('serviceRequest', err4, read); }
          process.stdout.write(JSON.stringify({
            endpoint: city.endpoint, changeset: discovery.changeset, services: services.length, service: wanted,
            definition: definition, created: created, read: read
          }) + '\n');
        });
      });
    });
  });
}
