package org.govgrid.platform;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every command the API reads is a record, built through its canonical constructor.
 * Jackson 3.1 calls such a constructor with {@code MethodHandle.invokeWithArguments},
 * which adapts the handle anew on every call: binding a batch of 2,000 utility readings
 * spent a fifth of its time there. Here the handle is spread to an {@code Object[]} once
 * per type and called with {@code invokeExact}; what is built, and every error, stays the
 * same.
 */
@Configuration(proxyBeanMethods = false)
class JsonCreatorConfiguration {

	/** Spring Boot registers every JacksonModule bean on the application's JsonMapper. */
	@Bean
	JacksonModule spreadCreatorsOnce() {
		return new SpreadCreatorsModule();
	}

	static final class SpreadCreatorsModule extends SimpleModule {

		SpreadCreatorsModule() {
			super("govgrid-spread-creators");
		}

		@Override
		public void setupModule(SetupContext context) {
			super.setupModule(context);
			context.addValueInstantiators(new SpreadCreators());
		}

	}

	static final class SpreadCreators implements ValueInstantiators {

		@Override
		public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean) {
			return null;
		}

		@Override
		public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueInstantiator found) {
			// only Jackson's own instantiator, with a plain constructor as its creator
			if (found.getClass() != StdValueInstantiator.class || !found.canCreateFromObjectWith()
					|| !(found.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
				return found;
			}
			MethodHandle spread = spread(creator.getAnnotated());
			return spread == null ? found : new SpreadInstantiator((StdValueInstantiator) found, spread);
		}

		private static MethodHandle spread(Constructor<?> constructor) {
			if (constructor.isVarArgs()) {
				return null;
			}
			try {
				constructor.setAccessible(true);
				return MethodHandles.lookup()
					.unreflectConstructor(constructor)
					.asSpreader(Object[].class, constructor.getParameterCount())
					.asType(MethodType.methodType(Object.class, Object[].class));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		}

	}

	static final class SpreadInstantiator extends StdValueInstantiator {

		private final MethodHandle creator;

		SpreadInstantiator(StdValueInstantiator found, MethodHandle creator) {
			super(found);
			this.creator = creator;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] args) throws JacksonException {
			try {
				return (Object) this.creator.invokeExact(args);
			}
			catch (Error error) {
				throw error;
			}
			catch (Throwable ex) {
				throw rewrapCtorProblem(context, ex);
			}
		}

	}

}
