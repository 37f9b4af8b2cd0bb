/** L'e-mail qui annonce à un nouveau membre du personnel l'accès à la console (voir `en-staff.ts`). */
import type { StaffRole } from '../contract';
import type { DocumentCatalog } from './en';

const roles: Record<StaffRole, string> = {
  admin: 'administrateur',
  collector: 'chargé de recouvrement',
  viewer: 'lecteur',
};

export const frStaff = {
  staff: {
    invite: {
      subject: (company: string) => `Vous pouvez vous connecter à la console de recouvrement de ${company}`,
      added: (inviter: string, company: string, role: StaffRole) =>
        `${inviter} vous a ajouté à la console de recouvrement de ${company} en tant que ${roles[role]}.`,
      signIn:
        'Connectez-vous sur la page du personnel de votre entreprise avec cette adresse e-mail\u00a0: pas de mot de passe, nous vous envoyons un lien à chaque fois.',
      noReply: 'Si vous ne vous y attendiez pas, prévenez votre administrateur.',
    },
  },
} satisfies Pick<DocumentCatalog, 'staff'>;
