# One image for every app of the platform; the container's command picks the app, e.g.
#   node dist/apps/gateway/src/main.js
# Build stage: install everything, compile, then drop development dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run stage: only what runs, as the unprivileged `node` user. Production by default: the apps
# refuse to start with a missing secret or a development value (docs/security.md).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/apps/documents/assets ./apps/documents/assets
# Plain-JS operator scripts: database provisioning (docker-compose's `provision`), NATS configuration.
COPY --from=build --chown=node:node /app/scripts ./scripts
# Where the documents service keeps its signing certificate (a volume in docker-compose.yml):
# owned by the app user, so a named volume mounted there starts writable.
RUN mkdir -p /var/lib/disduk/keys && chown node:node /var/lib/disduk/keys
USER node
EXPOSE 3000
# Alive when the process answers HTTP: a service's /live on its HTTP_PORT (docker-compose.yml
# sets 9464), the gateway's /metrics on its internal METRICS_PORT (9464 there too; /metrics is
# not on the public PORT). Liveness only: a service that waits for its database or NATS is
# alive and recovers by itself; /api/v1/health tells the whole story.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD node -e "const s=process.env.HTTP_PORT;fetch(s?'http://127.0.0.1:'+s+'/live':'http://127.0.0.1:'+(process.env.METRICS_PORT||9464)+'/metrics').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/gateway/src/main.js"]
