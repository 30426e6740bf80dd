global using System.Net;
global using System.Net.Http.Json;
global using TechBridge.Tests.Infrastructure;
global using Xunit;
