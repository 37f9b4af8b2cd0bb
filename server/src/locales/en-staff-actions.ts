/** The words of the emails the staff console's customer actions send (a statement of account). */
export const enStaffActions = {
  staffActions: {
    statement: {
      subject: (company: string, customer: string) => `Statement of account: ${customer} with ${company}`,
      intro: (customer: string, company: string, from: string, to: string) =>
        `Here is the statement of ${customer}'s account with ${company} from ${from} to ${to}.`,
      openingBalance: 'Opening balance',
      invoiced: 'Invoiced',
      paid: 'Paid',
      credited: 'Credited',
      closingBalance: 'Balance due',
      signIn: 'Sign in to the customer portal with this email address to see every line and download the statement.',
      signInAt: (url: string) =>
        `Sign in to the customer portal at ${url} with this email address to see every line and download the statement.`,
      questions: (email: string) => `Questions? Write to ${email}.`,
    },
  },
};
