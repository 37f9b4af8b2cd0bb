/** El correo que anuncia a un nuevo miembro del personal su acceso a la consola (véase `en-staff.ts`). */
import type { StaffRole } from '../contract';
import type { DocumentCatalog } from './en';

const roles: Record<StaffRole, string> = {
  admin: 'administrador',
  collector: 'gestor de cobros',
  viewer: 'usuario de consulta',
};

export const esStaff = {
  staff: {
    invite: {
      subject: (company: string) => `Ya puede iniciar sesión en la consola de cuentas por cobrar de ${company}`,
      added: (inviter: string, company: string, role: StaffRole) =>
        `${inviter} le ha añadido a la consola de cuentas por cobrar de ${company} como ${roles[role]}.`,
      signIn:
        'Inicie sesión en la página del personal de su empresa con esta dirección de correo: no hay contraseña, le enviamos un enlace cada vez.',
      noReply: 'Si no esperaba este mensaje, avise a su administrador.',
    },
  },
} satisfies Pick<DocumentCatalog, 'staff'>;
