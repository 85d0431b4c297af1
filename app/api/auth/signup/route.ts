import { createAccount, EmailTakenError } from "@/db/queries/users";
import { apiLocale, json, readJson, withErrors } from "@/lib/api";
import { requestClientAddress } from "@/lib/auth/client-address";
import { assertSignupAllowed } from "@/lib/auth/login-limits";
import { signupNames } from "@/lib/auth/signup-names";
import { getDb } from "@/lib/db";
import { conflict, parseWith } from "@/lib/domain-errors";
import { message } from "@/lib/i18n/server-messages";
import { buildDsn, publicBaseUrl } from "@/lib/public-url";
import { signupSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (request) => {
  const input = parseWith(signupSchema, await readJson(request, 16 * 1024));
  const db = await getDb();
  await assertSignupAllowed(db, requestClientAddress(request.headers));
  try {
    const names = signupNames(input.name, apiLocale(request));
    const account = await createAccount(db, { ...input, names });
    const { project, ingestKey } = account;
    return json(
      {
        user: account.user,
        token: account.personalToken.token,
        project: {
          ...project,
          ingestKey: { id: ingestKey.id, name: ingestKey.name, key: ingestKey.token },
          dsn: buildDsn(publicBaseUrl(request), ingestKey.token, project.id),
        },
      },
      201,
    );
  } catch (error) {
    if (error instanceof EmailTakenError) throw conflict(message("ServerAuth.emailTaken"));
    throw error;
  }
});
