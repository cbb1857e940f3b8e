"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/result";
import { currentRequestOrigin } from "@/lib/auth/request-context";
import { getActor } from "@/lib/auth/session";
import { attachNetworkToOperator } from "@/lib/server/networks/attach-network-to-operator";

export async function attachNetworkAction(_previous: unknown, form: FormData): Promise<ActionResult<{ asn: number }>> {
  const [actor, origin] = await Promise.all([getActor(), currentRequestOrigin()]);
  return runAction(async () => {
    const operator = String(form.get("operator") ?? "");
    const result = await attachNetworkToOperator({ caller: actor, asn: Number(form.get("asn")), operator: operator === "" ? null : operator, origin });
    revalidatePath("/", "layout");
    return { asn: result.asn };
  });
}
