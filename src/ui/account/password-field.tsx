// One labelled password input with its hint and error, for the account and admin forms.
import { controlProps } from "@/ui/participation/form-bits";

export function PasswordField({
  id,
  name,
  label,
  hint,
  error,
  autoComplete,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  autoComplete: "current-password" | "new-password" | "off";
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="m-0 text-sm text-[#565c65]">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="m-0 font-semibold text-[#b50909]">
          {error}
        </p>
      ) : null}
      <input {...controlProps(id, error, Boolean(hint))} name={name} type="password" autoComplete={autoComplete} required />
    </div>
  );
}

/** The error summary at the top of a form, focused after a failed submit. */
export function ErrorSummary({
  summaryRef,
  message,
  items,
}: {
  summaryRef: React.Ref<HTMLDivElement>;
  message: string;
  items: { href: string; text: string }[];
}) {
  return (
    <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="form-error-title" className="mb-4 border-l-8 border-[#b50909] bg-[#f4e3db] px-4 py-3">
      <h2 id="form-error-title" className="mt-0 text-lg">
        There is a problem
      </h2>
      <p className="mb-1">{message}</p>
      {items.length > 0 ? (
        <ul className="m-0 list-disc pl-6">
          {items.map((item) => (
            <li key={item.href}>
              <a href={item.href} className="text-[#8b0a03]">
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
