/** Client-side preview of the server's password policy (the server decides). */
export interface PasswordChecks {
  length: boolean;
  classes: boolean;
  notUsername: boolean;
}

export function characterClasses(password: string): number {
  let classes = 0;
  if (/[A-Z]/.test(password)) classes++;
  if (/[a-z]/.test(password)) classes++;
  if (/[0-9]/.test(password)) classes++;
  if (/[^A-Za-z0-9]/.test(password)) classes++;
  return classes;
}

export function checkPassword(password: string, username: string | undefined): PasswordChecks {
  return {
    length: password.length >= 8,
    classes: characterClasses(password) >= 3,
    notUsername:
      password.length > 0 && (!username || password.toLowerCase() !== username.toLowerCase()),
  };
}
