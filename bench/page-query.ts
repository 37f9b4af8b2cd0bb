/**
 * The raw baselines' one query: the first past-due page (51 rows, to know whether there is a next) of
 * an account, as Portico's list reads it first, written by hand. The same SQL on both engines but for
 * the placeholders: `?` on SQLite, `$n` on PostgreSQL.
 */
export function pageQuery(placeholder: (n: number) => string): string {
  return `SELECT id, number, customer_id AS "accountId", po_number AS "poNumber", issue_date AS "issueDate",
          due_date AS "dueDate", currency, total, balance
     FROM invoices
    WHERE customer_id = ${placeholder(1)} AND voided_at IS NULL AND balance > 0 AND due_date < ${placeholder(2)}
    ORDER BY due_date, id LIMIT 51`;
}
