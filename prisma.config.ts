import { defineConfig } from "prisma/config";

// The URL is only used by Prisma CLI commands that need a database (migrate deploy
// with the native engine, where it can be fetched). Our own scripts read DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
