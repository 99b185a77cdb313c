package io.camdash;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CamdashApplication {

	public static void main(String[] args) {
		SpringApplication.run(CamdashApplication.class, args);
	}

}
