# The API service: built to plain JavaScript in one stage, then run by node with production
# dependencies only, as the image's unprivileged user. ES_URL names the cluster (docker-compose.yml
# sets it); nothing here starts one.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# What the server reads at run time besides node_modules (tests/smoke/runtime.ts stages the same).
COPY --from=build /app/dist dist/
COPY public public/
COPY mappings mappings/
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/serve.js"]
