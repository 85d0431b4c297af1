"use client";

import { useEffect, useRef } from "react";

/** A checkbox that can show the mixed state ("some rows selected"). */
export function SelectCheckbox({
  indeterminate = false,
  className = "",
  ...props
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate && !props.checked;
  }, [indeterminate, props.checked]);
  return (
    <input ref={ref} type="checkbox" className={className ? `cb ${className}` : "cb"} {...props} />
  );
}
