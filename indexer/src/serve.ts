// `npm run serve`: OpenReader's GraphQL server (squid-graphql-server) on 127.0.0.1.
// It reads the schema from schema.graphql and the database from DB_* in the current directory's
// environment, and listens on GQL_PORT (default 4000).
import './loopback'
require('@subsquid/graphql-server/lib/main')
