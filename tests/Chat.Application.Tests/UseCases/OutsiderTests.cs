using System.Reflection;
using System.Runtime.CompilerServices;
using Chat.Application.Common;
using Chat.Domain.Common;
using NSubstitute;

namespace Chat.Application.Tests.UseCases;

/// <summary>Every use case, called by someone who is not signed in, refuses before touching anything.</summary>
public class OutsiderTests
{
    public static TheoryData<string> UseCases() => new(UseCaseTypes.InAssembly().Select(t => t.FullName!));

    [Fact]
    public void The_application_has_use_cases_to_check() => UseCaseTypes.InAssembly().Count.ShouldBeGreaterThan(0);

    [Theory]
    [MemberData(nameof(UseCases))]
    public async Task Use_case_refuses_an_anonymous_caller_and_touches_no_port(string useCaseName)
    {
        var type = UseCaseTypes.InAssembly().Single(t => t.FullName == useCaseName);
        var ports = new List<object>();
        var handler = Construct(type, ports);
        var (requestType, handle) = HandleMethod(type);
        var request = RuntimeHelpers.GetUninitializedObject(requestType);

        var task = (Task)handle.Invoke(handler, [request, CancellationToken.None])!;
        await task;
        var result = (Result)task.GetType().GetProperty("Result")!.GetValue(task)!;

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Unauthorized);
        foreach (var port in ports)
        {
            port.ReceivedCalls().ShouldBeEmpty($"{type.Name} used {port.GetType().Name} for an anonymous caller");
        }
    }

    private static object Construct(Type type, List<object> ports)
    {
        var constructor = type.GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(ICurrentActor))
            {
                return FixedActor.Anonymous;
            }

            // An application service the use case calls is built the same way: its ports must stay untouched too.
            if (p.ParameterType is { IsClass: true, IsSealed: true })
            {
                return Construct(p.ParameterType, ports);
            }

            var port = Substitute.For([p.ParameterType], []);
            ports.Add(port);
            return port;
        }).ToArray();
        return constructor.Invoke(arguments);
    }

    private static (Type Request, MethodInfo Handle) HandleMethod(Type type)
    {
        var useCase = type.GetInterfaces().Single(i => i.GetGenericTypeDefinition() == typeof(IUseCase<,>));
        return (useCase.GetGenericArguments()[0], useCase.GetMethod(nameof(IUseCase<object, object>.HandleAsync))!);
    }
}
