// Calls the running Orders service with @grpc/grpc-js, from the exported .proto alone.
// Usage: node client.js <orders.proto> <host:port>; prints one JSON line per result.
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [protoFile, address] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoFile, { longs: String, enums: String, defaults: true, oneofs: true });
const Orders = grpc.loadPackageDefinition(definition).dev.switchboard.it.grpc.orders.Orders;
const client = new Orders(address, grpc.credentials.createInsecure());
const print = (kind, value) => console.log(JSON.stringify({ kind, value }));
const fail = (error) => { console.error(error); process.exit(1); };

client.CreateOrder({ customerId: 'node-1', items: [{ sku: 'apple', quantity: 3 }], note: 'from node' }, (error, created) => {
  if (error) return fail(error);
  print('created', created);
  client.GetOrder({ id: created.id }, (error, found) => {
    if (error) return fail(error);
    print('found', found);
    client.GetOrder({ id: 'missing-7' }, (error) => {
      print('missing', { code: error && error.code, details: error && error.details });
      const ids = [];
      const watch = client.WatchOrders({ customerId: 'node-1', limit: 3 });
      watch.on('data', (order) => ids.push(order.id));
      watch.on('error', fail);
      watch.on('end', () => {
        print('watched', ids);
        client.close();
      });
    });
  });
});
