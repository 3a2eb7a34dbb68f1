import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { InstanceKeys } from '../config/instance-keys';
import { AuditModule } from '../audit/audit.module';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { AccountRepository } from './account.repository';
import { AccountService } from './account.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { CallerRepository } from './caller.repository';
import { RolesGuard } from './roles.guard';
import { SessionRepository } from './session.repository';
import { SessionsService } from './sessions.service';
import { TokenService } from './token.service';
import { TrustedDeviceRepository } from './trusted-device.repository';
import { TrustedDevices } from './trusted-devices.service';

@Module({
  imports: [
    AuditModule,
    ReferenceDataModule,
    JwtModule.registerAsync({
      inject: [InstanceKeys],
      // One secret for every instance (JWT_SECRET, or kept in DATA_DIR beside the embedded database), so a
      // token from one is good on the others and after a restart. A KeyObject, made once: given a string,
      // jsonwebtoken would try to parse it as a PEM key on every verify.
      useFactory: (keys: InstanceKeys) => ({ secret: createSecretKey(keys.get('JWT_SECRET')) }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccountService,
    TokenService,
    SessionsService,
    TrustedDevices,
    AccountRepository,
    CallerRepository,
    SessionRepository,
    TrustedDeviceRepository,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionsService, TrustedDevices, AccountService],
})
export class AuthModule {}
