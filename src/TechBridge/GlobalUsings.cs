// The platform parts every slice uses; a module's own namespaces are never global (the architecture tests check).
global using Microsoft.EntityFrameworkCore;
global using TechBridge.Platform.Errors;
global using TechBridge.Platform.Persistence;
global using TechBridge.Platform.Security;
