// Every server this package starts listens on 127.0.0.1 only (or on XINDAI_INDEXER_HOST).
//
// Why a patch: OpenReader (the GraphQL server) and the processor's Prometheus endpoint call
// `server.listen(port)` without a host, which binds every interface, and neither takes a host
// option. Supplying the host to net.Server#listen when a caller gives only a port keeps both
// on loopback without forking either package. Import this module before anything else.
import net from 'node:net'

const HOST = process.env.XINDAI_INDEXER_HOST || '127.0.0.1'
const listen = net.Server.prototype.listen

net.Server.prototype.listen = function (this: net.Server, ...args: any[]) {
    const first = args[0]
    if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
        // listen(port[, host][, backlog][, cb]): add the host when none is given.
        if (typeof args[1] !== 'string') args.splice(1, 0, HOST)
    } else if (first == null || typeof first === 'function') {
        // listen([cb]): an ephemeral port on every interface; make it loopback.
        args.unshift(0, HOST)
    } else if (typeof first === 'object' && !('path' in first) && !('fd' in first) && !first.host) {
        args[0] = {...first, host: HOST}
    }
    return listen.apply(this, args as any)
} as any
