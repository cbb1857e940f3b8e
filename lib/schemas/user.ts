import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

/**
 * Schemas for staff accounts, shared by the sign-in and user-management forms,
 * their server actions, the server functions in lib/server/users and the
 * `npm run user:create` command.
 *
 * Issue messages are codes (USER_ISSUES below): the forms show them translated
 * (messages/auth, "UserIssues"), the command line in English.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const USER_ISSUES = {
  required: "This field is required.",
  invalid_email: "Enter a valid e-mail address.",
  too_long: "This is too long.",
  invalid_characters: "Remove the control characters.",
  password_too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  password_too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  passwords_differ: "The two new passwords differ.",
  password_unchanged: "Choose a password different from the current one.",
  wrong_password: "The current password is wrong.",
  invalid_role: "Choose contributor, editor or admin.",
  email_taken: "A user with this e-mail address already exists.",
} as const;
export type UserIssue = keyof typeof USER_ISSUES;

/** An e-mail address, compared and stored in lower case. */
export const ZEmail = z
  .string({ error: "required" satisfies UserIssue })
  .trim()
  .toLowerCase()
  .min(1, "required" satisfies UserIssue)
  .max(254, "too_long" satisfies UserIssue)
  .pipe(z.email({ error: "invalid_email" satisfies UserIssue }));

export const ZPassword = z
  .string({ error: "required" satisfies UserIssue })
  .min(PASSWORD_MIN_LENGTH, "password_too_short" satisfies UserIssue)
  .max(PASSWORD_MAX_LENGTH, "password_too_long" satisfies UserIssue);

export const ZUserName = z
  .string({ error: "required" satisfies UserIssue })
  .trim()
  .min(1, "required" satisfies UserIssue)
  .max(100, "too_long" satisfies UserIssue)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "invalid_characters" satisfies UserIssue);

export const ZRole = z.enum(ROLES, { error: "invalid_role" satisfies UserIssue });

export const ZUserId = z.string({ error: "required" satisfies UserIssue }).trim().min(1, "required" satisfies UserIssue).max(100);

/** The sign-in form. The password is not checked for length here: a wrong one is just wrong. */
export const ZSignInInput = z.object({
  email: z
    .string({ error: "required" satisfies UserIssue })
    .trim()
    .toLowerCase()
    .min(1, "required" satisfies UserIssue)
    .max(254, "too_long" satisfies UserIssue),
  password: z
    .string({ error: "required" satisfies UserIssue })
    .min(1, "required" satisfies UserIssue)
    .max(PASSWORD_MAX_LENGTH, "password_too_long" satisfies UserIssue),
});
export type SignInInput = z.infer<typeof ZSignInInput>;

/** An administrator invites a colleague; the account gets a temporary password. */
export const ZInviteUserInput = z.object({ email: ZEmail, name: ZUserName, role: ZRole });
export type InviteUserInput = z.input<typeof ZInviteUserInput>;

/** The trusted path (command line, first start): an account with a chosen password. */
export const ZCreateUserInput = z.object({
  email: ZEmail,
  name: ZUserName,
  role: ZRole,
  password: ZPassword,
  mustChangePassword: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZChangeUserRoleInput = z.object({ userId: ZUserId, role: ZRole });
export const ZUserIdInput = z.object({ userId: ZUserId });

export const ZChangeOwnPasswordInput = z
  .object({
    currentPassword: z
      .string({ error: "required" satisfies UserIssue })
      .min(1, "required" satisfies UserIssue)
      .max(PASSWORD_MAX_LENGTH, "password_too_long" satisfies UserIssue),
    newPassword: ZPassword,
    confirmPassword: z.string({ error: "required" satisfies UserIssue }),
  })
  .superRefine((value, context) => {
    if (value.confirmPassword !== value.newPassword) {
      context.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwords_differ" satisfies UserIssue });
    }
    if (value.newPassword === value.currentPassword) {
      context.addIssue({ code: "custom", path: ["newPassword"], message: "password_unchanged" satisfies UserIssue });
    }
  });
export type ChangeOwnPasswordInput = z.input<typeof ZChangeOwnPasswordInput>;
