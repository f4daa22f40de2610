// Calls the running, secured Ledger service with @grpc/grpc-js over TLS, from the exported .proto alone.
// Usage: node client.js <ledger.proto> <host:port> <trusted-certificate.pem> <token>; one JSON line per result.
const fs = require('fs');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoFile, address, certificate, token] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoFile, { longs: String, enums: String, defaults: true, oneofs: true });
const Ledger = grpc.loadPackageDefinition(definition).dev.switchboard.it.security.ledger.Ledger;
const client = new Ledger(address, grpc.credentials.createSsl(fs.readFileSync(certificate)));
const print = (kind, value) => console.log(JSON.stringify({ kind, value }));
const fail = (error) => { console.error(error); process.exit(1); };
const bearer = new grpc.Metadata();
bearer.add('authorization', 'Bearer ' + token);

client.WhoAmI({}, bearer, (error, identity) => {
  if (error) return fail(error);
  print('identity', identity);
  client.WhoAmI({}, (error) => {
    print('anonymous', { code: error && error.code });
    client.Ping({}, (error, pong) => {
      if (error) return fail(error);
      print('ping', pong);
      client.close();
    });
  });
});
