// The app's one Prisma client, opened on first use (never at build time).
import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { appDatabase } from "./app-database";

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const prisma = appDatabase().prisma;
    const value: unknown = Reflect.get(prisma, property);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});
