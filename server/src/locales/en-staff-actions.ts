/** The words of the emails the staff console's customer actions send (a statement of account). */
export const enStaffActions = {
  staffActions: {
    statement: {
      subject: (company: string, customer: string) => `Statement of account: ${customer} with ${company}`,
      intro: (customer: string, company: string, from: string, to: string) =>
        `Here is the statement of ${customer}'s account with ${company} from ${from} to ${to}; every line is in the attached PDF.`,
      openingBalance: 'Opening balance',
      invoiced: 'Invoiced',
      paid: 'Paid',
      credited: 'Credited',
      closingBalance: 'Balance due',
      signIn: 'Sign in to the customer portal with this email address to pay online.',
      signInAt: (url: string) => `Sign in to the customer portal at ${url} with this email address to pay online.`,
      questions: (email: string) => `Questions? Write to ${email}.`,
    },
  },
};
