import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ReferenceDataModule } from '../reference-data/reference-data.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { RolesGuard } from './roles.guard';
import { SessionsService } from './sessions.service';
import { TokenService } from './token.service';
import { TrustedDevices } from './trusted-devices.service';

@Module({
  imports: [
    ReferenceDataModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.JWT_SECRET) {
          new Logger('Auth').warn('JWT_SECRET is not set: using a random secret, so tokens end when the app restarts');
        }
        // A KeyObject, made once: given a string, jsonwebtoken would try to parse it as a PEM key on every verify.
        return { secret: createSecretKey(config.JWT_SECRET ? Buffer.from(config.JWT_SECRET) : randomBytes(48)) };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokenService,
    SessionsService,
    TrustedDevices,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [SessionsService, TrustedDevices],
})
export class AuthModule {}
