import { getDb } from "@/db";
import { createAccount, EmailTakenError } from "@/db/queries/users";
import { json, readJson, withErrors } from "@/lib/api";
import { conflict, parseWith } from "@/lib/api-error";
import { buildDsn, publicBaseUrl } from "@/lib/public-url";
import { signupSchema } from "@/lib/schemas/auth";

export const POST = withErrors(async (request) => {
  const input = parseWith(signupSchema, await readJson(request, 16 * 1024));
  try {
    const account = await createAccount(await getDb(), input);
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
    if (error instanceof EmailTakenError) throw conflict(error.message);
    throw error;
  }
});
